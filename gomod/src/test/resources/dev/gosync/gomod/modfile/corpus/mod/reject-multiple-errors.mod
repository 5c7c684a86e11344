module example.com/m
module again
go 1
require example.com/a
exclude example.com/b v1.0.0 extra
toolchain 1.21
tool
ignore a b
