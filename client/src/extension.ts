// Placeholder until the language client lands (issue 4): activation does nothing yet.
export function activate(): void {}
export function deactivate(): void {}
