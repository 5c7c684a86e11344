module example.com/oddretract

retract (
	not-a-version
	[v1, v1.2]
	"v1.3.0"
	v0.1.0
)
