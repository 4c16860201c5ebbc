# Prints the tables of Sisimai 4.25's provider modules (Sisimai/Rhost/*.pm: messagesof, errorcodes) as
# "reason or code:CODE<TAB>module<TAB>a host of the provider<TAB>fields..." lines, for agreement.py.
#   perl rhost.pl [DIR]
use strict; use warnings; use feature 'state';
my %HOST = (Cox=>'cxr.mx.a.cloudfilter.net', ExchangeOnline=>'example-com.mail.protection.outlook.com', FrancePTT=>'smtp-in.orange.fr',
  GoDaddy=>'mx.secureserver.net', GoogleApps=>'aspmx.l.google.com', IUA=>'mx.i.ua', KDDI=>'mx.ezweb.ne.jp', Mimecast=>'eu-smtp-inbound-1.mimecast.com',
  NTTDOCOMO=>'mfsmax.docomo.ne.jp', Spectrum=>'mx.charter.net', TencentQQ=>'mx1.qq.com');
my $dir = shift // "/usr/share/perl5/Sisimai/Rhost";
for my $f (sort glob("$dir/*.pm")) {
    open my $fh, '<', $f or die; local $/; my $src = <$fh>; close $fh;
    (my $mod = $f) =~ s{.*/|\.pm$}{}g;
    while ($src =~ /state \$(messagesof|errorcodes) = \{/g) {
        my $tab = $1;
        my $start = pos($src) - 1; my $depth = 0; my $i = $start;
        for (; $i < length $src; $i++) {
            my $c = substr($src, $i, 1);
            if ($c eq '\\') { $i++; next }
            $depth++ if $c eq '{'; $depth-- if $c eq '}';
            last if $depth == 0;
        }
        my $h = eval substr($src, $start, $i - $start + 1); if ($@) { print STDERR "$mod $tab: $@\n"; next }
        for my $k (sort keys %$h) {
            my $v = $h->{$k};
            my @vs = ref $v eq 'ARRAY' ? @$v : ($v);
            for my $x (@vs) {
                my @parts = ref $x eq 'ARRAY' ? @$x : ($x);
                print join("\t", $tab eq 'messagesof' ? $k : "code:$k", $mod, $HOST{$mod} // '', map { defined $_ ? $_ : '' } @parts), "\n";
            }
        }
    }
}
