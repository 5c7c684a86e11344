module example.com/dupr

replace example.com/a => ./a1 // loses

replace (
	example.com/a v1.0.0 => ./a-v1
	example.com/a => ./a2 // wins over a1
	example.com/b => example.com/b2 v1.0.0
)

replace example.com/b => example.com/b3 v1.0.0 // wins over b2

replace example.com/a v1.0.0 => ./a-v1-again
