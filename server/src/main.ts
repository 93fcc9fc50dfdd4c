// Placeholder until the language server lands (issue 4).
process.stderr.write('policylint language server: not implemented yet\n');
process.exitCode = 2;
