module example.com/m
