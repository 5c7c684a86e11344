module example.com/retracts

go 1.21

retract (
	v1.0.0 // published by accident
	[v1.1.0, v1.1.5] // broken build
	v1.0.1
	[v0.9.0, v0.9.9]
	[ v1.2.0 ,v1.3.0 ]
	v2.0.0+incompatible
)

retract [v0.1.0, v0.2.0]
