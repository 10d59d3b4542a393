"""Working on plans together in git: diff, roll-up, export, status and codeowners."""
