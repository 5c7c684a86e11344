module example.com/after
// directly after module

// separate block

go 1.21
// directly after go, at end of file