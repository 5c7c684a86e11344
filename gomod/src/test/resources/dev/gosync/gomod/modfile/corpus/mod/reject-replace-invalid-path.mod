module example.com/m

replace example.com/a/v0 => ./a
