module example.com/m
/* no */
