// nothing here

// but comments
