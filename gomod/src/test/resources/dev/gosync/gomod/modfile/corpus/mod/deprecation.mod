// Deprecated: use example.com/new instead.
// More words after the deprecation paragraph.
//
// Another paragraph.
module example.com/deprecated

go 1.17
