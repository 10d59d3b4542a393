"""The planning repository as every feature sees it.

`discovery` finds the plan files under the folders a user names (honouring
`.gitignore`, `include` and `exclude`); `plans` groups the OP1s and OP2s among
loaded documents the way teams plan. Lint, render, collab and the language
server all use them, so they live below those packages and import none of them.
"""
