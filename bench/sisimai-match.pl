#!/usr/bin/env perl
# Sisimai's reason for each reply read on standard input, one answer per line, so that one perl
# process serves a whole comparison run (bench/accuracy.sh, AccuracyComparison).
#
# Input, one row per line, UTF-8:
#   {"id": "...", "reply": "..."}      a JSON object, or
#   ID<TAB>REPLY                       a tab-separated pair (handy by hand)
# Output, one line per non-empty input line, flushed at once, after a first banner line
# "# sisimai-match Sisimai <version>":
#   ID<TAB>REASON
# Tabs and line breaks in the id are replaced by spaces. A row that cannot be read, that makes
# Sisimai fail or time out, or for which Sisimai finds nothing, gets "undefined"; the process
# never stops on a bad row.
#
# Sisimai->match($text) is Sisimai's text matcher (the same one its decoders fall back on): it sees
# the reply text only, not the SMTP stage or remote host. This is Debian's libsisimai-perl,
# Sisimai 4.25, whose names predate Sisimai 5.5: mesgtoobig and exceedlimit are reported as
# emailtoolarge, toomanyconn and speeding as ratelimited, the 5.5 names they were folded into.
#
#   printf 'x\t550 5.1.1 User unknown\n' | perl bench/sisimai-match.pl
use strict;
use warnings;
use Encode ();
use JSON::PP ();
use Sisimai;

# Sisimai 4.25 name => Sisimai 5.5 name.
my %RENAMED = (
    'mesgtoobig'  => 'emailtoolarge',
    'exceedlimit' => 'emailtoolarge',
    'toomanyconn' => 'ratelimited',
    'speeding'    => 'ratelimited',
);
my $SECONDS_PER_ROW = 10;

my $json = JSON::PP->new->utf8;
binmode STDIN, ':raw';
binmode STDOUT, ':encoding(UTF-8)';
$| = 1;

print "# sisimai-match Sisimai $Sisimai::VERSION\n";

while( my $line = <STDIN> ) {
    $line =~ s/\r?\n\z//;
    next if $line eq '';
    my ($id, $reply) = read_row($line);
    my $reason = reason_of($reply);
    $id =~ s/[\t\r\n]/ /g;
    print "$id\t$reason\n";
}

# (id, reply) of one input line; the reply is undef when the line cannot be read.
sub read_row {
    my $line = shift;
    if( $line =~ /\A\s*\{/ ) {
        my $row = eval { $json->decode($line) };
        if( ref $row eq 'HASH' ) {
            my $id = defined $row->{'id'} ? "$row->{'id'}" : '';
            return ($id, defined $row->{'reply'} ? "$row->{'reply'}" : undef);
        }
        # Not valid JSON: keep the id when it can still be seen.
        my $id = $line =~ /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/ ? $1 : '';
        return (Encode::decode('UTF-8', $id), undef);
    }
    my $text = Encode::decode('UTF-8', $line);
    my ($id, $reply) = split /\t/, $text, 2;
    return ($id // '', $reply);
}

# Sisimai's reason for one reply, in Sisimai 5.5 names; "undefined" when there is none.
sub reason_of {
    my $reply = shift;
    return 'undefined' unless defined $reply && $reply =~ /\S/;
    my $reason = eval {
        local $SIG{'__WARN__'} = sub {};
        local $SIG{'ALRM'} = sub { die "timeout\n" };
        alarm $SECONDS_PER_ROW;
        my $r = Sisimai->match($reply);
        alarm 0;
        $r;
    };
    alarm 0;
    return 'undefined' unless defined $reason && $reason =~ /\S/;
    $reason = lc $reason;
    $reason =~ s/\s+//g;
    return $RENAMED{ $reason } // $reason;
}
