# Prints the message tables of Sisimai 4.25's MTA modules (Sisimai/Lhost/*.pm: messagesof, refailures,
# errortable) as "reason<TAB>module<TAB>STR|RE<TAB>text or regular expression" lines, for expand.py.
#   perl lhost.pl [DIR]
use strict; use warnings; use feature 'state';
my $dir = shift // "/usr/share/perl5/Sisimai/Lhost";
for my $f (sort glob("$dir/*.pm")) {
    open my $fh, '<', $f or die; local $/; my $src = <$fh>; close $fh;
    (my $mod = $f) =~ s{.*/|\.pm$}{}g;
    while ($src =~ /state \$(messagesof|refailures|errortable) = \{/g) {
        my $start = pos($src) - 1; my $depth = 0; my $i = $start;
        for (; $i < length $src; $i++) {
            my $c = substr($src, $i, 1);
            if ($c eq '\\') { $i++; next }
            $depth++ if $c eq '{'; $depth-- if $c eq '}';
            last if $depth == 0;
        }
        my $text = substr($src, $start, $i - $start + 1);
        my $h = eval $text; if ($@ || ref $h ne 'HASH') { print STDERR "$mod: $@\n"; next }
        for my $k (sort keys %$h) {
            my $v = $h->{$k}; my @vs = ref $v eq 'ARRAY' ? @$v : ($v);
            for my $x (@vs) {
                if (ref $x eq 'Regexp') { my $s = "$x"; $s =~ s/(?<![\\\[])#[^\n]*//g; $s =~ s/\s*\n\s*/ /g; print "$k\t$mod\tRE\t$s\n" } else { $x =~ s/\s+/ /g; print "$k\t$mod\tSTR\t$x\n" }
            }
        }
    }
}
