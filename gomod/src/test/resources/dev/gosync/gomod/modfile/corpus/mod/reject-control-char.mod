module example.com/m
