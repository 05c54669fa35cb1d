// Integration tests first, the browser test (tests/e2e) last: a failure in the fast suite shows up early.
const Sequencer = require('@jest/test-sequencer').default

class AulaSequencer extends Sequencer {
  sort(tests) {
    const isE2e = (test) => test.path.includes('/tests/e2e/')
    return [...tests].sort((a, b) => Number(isE2e(a)) - Number(isE2e(b)) || a.path.localeCompare(b.path))
  }
}

module.exports = AulaSequencer
