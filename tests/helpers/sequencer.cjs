// The order test files start in. `npm test` runs the integration and security specs on two
// workers (`test:parallel`), then the fault drills and the browser specs one at a time
// (`test:serial`: they start their own processes and time things, and the browser specs share one
// production build; existence-leaks compares registration timings, which a neighbour's load would
// skew). The long files start first so no worker is left running one long file alone at the
// end; browser specs last, so a failure in the fast suite shows up early.
const Sequencer = require('@jest/test-sequencer').default

const weight = (path) => (path.includes('/tests/e2e/') ? 3 : path.includes('/tests/faults/') ? 0 : path.includes('/tests/security/') ? 1 : 2)

class AulaSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => weight(a.path) - weight(b.path) || a.path.localeCompare(b.path))
  }
}

module.exports = AulaSequencer
