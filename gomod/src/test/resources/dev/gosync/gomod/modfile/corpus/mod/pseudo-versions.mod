module example.com/pseudo

require (
	example.com/a v0.0.0-20210604050607-b2785725131e
	example.com/b v1.1.1-0.20210604050607-b2785725131e
	example.com/c v1.2.3-pre.0.20210604050607-b2785725131e
	example.com/d/v2 v2.0.0-20210604050607-b2785725131e
)
