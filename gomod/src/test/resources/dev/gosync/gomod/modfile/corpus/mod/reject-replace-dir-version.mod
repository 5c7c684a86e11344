module example.com/m

replace example.com/a => ./b v1.0.0
