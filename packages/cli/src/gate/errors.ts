// Unreadable input (binary, invalid UTF-8, too large, empty, zip bomb, bad rubric): exit code 2, one line.
export class GateInputError extends Error {}
