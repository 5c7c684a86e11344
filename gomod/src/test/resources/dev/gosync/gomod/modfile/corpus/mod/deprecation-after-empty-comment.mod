//
// Deprecated: not a notice, as an empty comment line starts the text.
module example.com/m
