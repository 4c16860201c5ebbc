// The user's build log: the tests ran, and SLF4J had nothing to warn about.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run:') : 'the tests did not run'
assert !log.contains('SLF4J(W)') : 'SLF4J warned in a user test run'
assert !log.contains('No SLF4J providers') : 'SLF4J warned in a user test run'
return true
