// cpu_nbody: five-body planetary simulation over a []Body (float64 math on
// struct fields through pointers). The program may use only fmt, time, sync
// and runtime, so the square root is computed by Newton's method (same
// operation sequence in every port, so the checksum is bit-identical).
package main

import "fmt"

const STEPS = 200000

type Body struct {
	x, y, z, vx, vy, vz, mass float64
}

func sqrt(x float64) float64 {
	g := x
	if g < 1 {
		g = 1
	}
	for {
		n := 0.5 * (g + x/g)
		if n >= g {
			return g
		}
		g = n
	}
}

func newSystem() []Body {
	// Computed at run time (not as Go constants) so every language rounds
	// each product the same way.
	pi := 3.141592653589793
	solarMass := 4 * pi * pi
	dpy := 365.24
	bodies := []Body{
		{0, 0, 0, 0, 0, 0, solarMass},
		{4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
			1.66007664274403694e-03 * dpy, 7.69901118419740425e-03 * dpy, -6.90460016972063023e-05 * dpy,
			9.54791938424326609e-04 * solarMass},
		{8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
			-2.76742510726862411e-03 * dpy, 4.99852801234917238e-03 * dpy, 2.30417297573763929e-05 * dpy,
			2.85885980666130812e-04 * solarMass},
		{1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
			2.96460137564761618e-03 * dpy, 2.37847173959480950e-03 * dpy, -2.96589568540237556e-05 * dpy,
			4.36624404335156298e-05 * solarMass},
		{1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
			2.68067772490389322e-03 * dpy, 1.62824170038242295e-03 * dpy, -9.51592254519715870e-05 * dpy,
			5.15138902046611451e-05 * solarMass},
	}
	// offset the Sun's momentum
	px, py, pz := 0.0, 0.0, 0.0
	for i := 0; i < len(bodies); i++ {
		b := &bodies[i]
		px += b.vx * b.mass
		py += b.vy * b.mass
		pz += b.vz * b.mass
	}
	bodies[0].vx = -px / solarMass
	bodies[0].vy = -py / solarMass
	bodies[].vz = -pz / solarMass
	return bodies
}

func energy(bodies []Body) float64 {
	e := 0.0
	n := len(bodies)
	for i := 0; i < n; i++ {
		b := &bodies[i]
		e += 0.5 * b.mass * (b.vx*b.vx + b.vy*b.vy + b.vz*b.vz)
		for j := i + 1; j < n; j++ {
			c := &bodies[j]
			dx := b.x - c.x
			dy := b.y - c.y
			dz := b.z - c.z
			e -= b.mass * c.mass / sqrt(dx*dx+dy*dy+dz*dz)
		}
	}
	return e
}

func advance(bodies []Body, dt float64) {
	n := len(bodies)
	for i := 0; i < n; i++ {
		b := &bodies[i]
		for j := i + 1; j < n; j++ {
			c := &bodies[j]
			dx := b.x - c.x
			dy := b.y - c.y
			dz := b.z - c.z
			d2 := dx*dx + dy*dy + dz*dz
			mag := dt / (d2 * sqrt(d2))
			bm := b.mass * mag
			cm := c.mass * mag
			b.vx -= dx * cm
			b.vy -= dy * cm
			b.vz -= dz * cm
			c.vx += dx * bm
			c.vy += dy * bm
			c.vz += dz * bm
		}
	}
	for i := 0; i < n; i++ {
		b := &bodies[i]
		b.x += dt * b.vx
		b.y += dt * b.vy
		b.z += dt * b.vz
	}
}

func main() {
	bodies := newSystem()
	e0 := energy(bodies)
	for s := 0; s < STEPS; s++ {
		advance(bodies, 0.01)
	}
	e1 := energy(bodies)
	fmt.Println("checksum:", int64(e0*1e9), int64(e1*1e9))
}
