module example.com/m

foo bar
