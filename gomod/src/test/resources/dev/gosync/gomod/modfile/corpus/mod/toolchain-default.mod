module example.com/tc

go 1.21.3

toolchain default
