module example.com/punct

retract [v1.0.0,v1.1.0]

retract [ v0.1.0 , v0.2.0 ] // spaced
