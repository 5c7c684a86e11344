module example.com/tc2

go 1.21rc1

toolchain go1.21rc2-custom
