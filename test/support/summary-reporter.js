// Prints the test counts per jest project (unit, integration incl. the contract suites, e2e) and
// one plain closing line "N passed, N failed, N skipped" that CI can read.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const perProject = new Map();
    for (const file of results.testResults) {
      const name = file.displayName?.name ?? 'tests';
      const row = perProject.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      row.passed += file.numPassingTests;
      row.failed += file.numFailingTests;
      row.skipped += file.numPendingTests + file.numTodoTests;
      perProject.set(name, row);
    }
    const lines = ['', 'Tests per project:'];
    for (const [name, row] of perProject) {
      lines.push(
        `  ${name.padEnd(12)} ${row.passed} passed, ${row.failed} failed, ${row.skipped} skipped`,
      );
    }
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const skipped = results.numPendingTests + results.numTodoTests;
    lines.push('', `${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
    process.stdout.write(lines.join('\n') + '\n');
  }
}
module.exports = SummaryReporter;
