module example.com/m
go 1.20
go 1.21
