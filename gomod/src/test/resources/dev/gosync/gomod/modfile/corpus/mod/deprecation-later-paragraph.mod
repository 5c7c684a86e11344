// This module is old.
//
// Deprecated:    moved to
// example.com/moved.
//
// Unrelated paragraph.
module example.com/old // trailing comment
