module example.com/blanks

require (


	example.com/a v1.0.0



	example.com/b v1.0.0
	// c


	// d

	example.com/c v1.0.0


)
