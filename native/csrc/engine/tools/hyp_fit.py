# hyp_fit.py - the tables of hyp_vec.c: python3 hyp_fit.py [f | d 16 | s]
# (tanh float32, tanh float64 of a degree, sinh float64; mpmath 1.3).
# tanh: each interval [a, b) of |x| gets an expansion point x0 in its middle
# half whose tanh is within a small fraction of an ulp of a float (double),
# so c0 is exact; c1.. are a weighted least-squares fit of the relative
# error on 200 Chebyshev nodes at 60 digits, then rounded; the largest
# relative error of each rounded polynomial over 2001 points goes to stderr.
# Interval 0 ([0, 1/16) or [0, 1/8)) is odd, c1 = 1, stored as c1 - 1.
import sys
import mpmath as mp

mp.mp.dps = 60


def rnd(v, bits):
	"""v rounded to a binary float of the given significand bits"""
	if v == 0:
		return mp.mpf(0)
	m, e = mp.frexp(v)
	return mp.ldexp(mp.nint(mp.ldexp(m, bits)), e - bits)


def ulp(v, bits):
	return mp.ldexp(1, mp.frexp(v)[1] - bits)


def good_x0(f, a, b, bits):
	"""a point in the middle half of [a, b) with f(x0) nearest a representable value"""
	mid = rnd((a + b) / 2, bits)
	step = max(ulp(mid, bits), rnd((b - a) / 8000, bits))
	best, bx = 1, mid
	for k in range(4000):
		x = rnd(mid + (k // 2 if k % 2 else -(k // 2)) * step, bits)
		y = f(x)
		d = abs(y - rnd(y, bits)) / ulp(y, bits)
		if d < best:
			best, bx = d, x
	return bx


def fit(f, a, b, x0, deg, pinned, bits):
	"""coefficients of f(x0 + t), t in [a - x0, b - x0]; pinned: {k: value}"""
	nodes = [(a + b) / 2 + (b - a) / 2 * mp.cos(mp.pi * (i + 0.5) / 200) for i in range(200)]
	free = [k for k in range(deg + 1) if k not in pinned]
	A = mp.matrix(len(nodes), len(free))
	r = mp.matrix(len(nodes), 1)
	for i, x in enumerate(nodes):
		t, y = x - x0, f(x)
		w = 1 / y
		for j, k in enumerate(free):
			A[i, j] = t ** k * w
		r[i] = (y - sum(v * t ** k for k, v in pinned.items())) * w
	sol = mp.qr_solve(A, r)[0]
	c = dict(pinned)
	for j, k in enumerate(free):
		c[k] = sol[j]
	c = [rnd(c[k], bits) for k in range(deg + 1)]
	err = 0
	for i in range(2001):
		x = a + (b - a) * i / 2000
		if x == 0:
			continue
		p = sum(ck * (x - x0) ** k for k, ck in enumerate(c))
		err = max(err, abs(p / f(x) - 1))
	return c, err


def hexf(v, bits):
	"""C hex literal, trailing zeros dropped"""
	h = float(v).hex()
	m, e = h.split("p")
	m = m.rstrip("0").rstrip(".") if "." in m else m
	return m + "p" + e + ("f" if bits == 24 else "")


def row(vals, per_line=4):
	"""one coefficient's row of a 2-d table, per_line values a line"""
	v = list(vals)
	lines = [", ".join(v[i:i + per_line]) for i in range(0, len(v), per_line)]
	print("\t{\n\t\t" + ",\n\t\t".join(lines) + ",\n\t},")


def tanh_tables(bits, small, first, per_binade, count, deg, top):
	"""interval 0 = [0, small), then per_binade intervals a binade from first"""
	ivs = [(mp.mpf(0), mp.mpf(small))]
	a = mp.mpf(first)
	while len(ivs) < count:
		w = a / per_binade
		for k in range(per_binade):
			ivs.append((a + k * w, a + (k + 1) * w))
		a *= 2
	ivs = ivs[:count]
	x0s, cs, worst = [], [], 0
	for i, (a, b) in enumerate(ivs):
		if i == 0:
			x0, pin = mp.mpf(0), {0: 0, 1: 1, 2: 0}
		elif rnd(mp.tanh(a), bits) == 1:	# saturated: 1
			x0s.append(mp.mpf(0))
			cs.append([mp.mpf(1)] + [mp.mpf(0)] * deg)
			continue
		else:
			x0 = good_x0(mp.tanh, a, b, bits)
			pin = {0: rnd(mp.tanh(x0), bits)}
		b = min(b, mp.mpf(top))
		c, err = fit(mp.tanh, a, b, x0, deg, pin, bits)
		if i == 0:	# stored as c1 - 1: hyp_vec.c adds t itself
			c[1] = mp.mpf(0)
		x0s.append(x0)
		cs.append(c)
		worst = max(worst, err)
		print("/* [%s, %s): %.3g */" % (mp.nstr(a, 6), mp.nstr(b, 6), float(mp.log(err, 2)) if err else -999),
		      file=sys.stderr)
	print("/* worst relative error 2^%.1f */" % float(mp.log(worst, 2)))
	return x0s, cs


def dump(name, vals, bits, per_line):
	s = [hexf(v, bits) for v in vals]
	print("static const %s %s[%d] = {" % ("float" if bits == 24 else "double", name, len(vals)))
	for i in range(0, len(s), per_line):
		print("\t" + ", ".join(s[i:i + per_line]) + ",")
	print("};")


def tanh_section(name, ctype, bits, first, parts, count, deg, clamp):
	"""The x0 and coefficient tables of one tanh, as C."""
	x0s, cs = tanh_tables(bits, first, first, parts, count, deg, clamp)
	dump(name + "_x0", x0s, bits, 4)
	print("static const %s %s_c[%d][%d] = {" % (ctype, name, len(cs[0]), count))
	for k in range(len(cs[0])):
		row(hexf(c[k], bits) for c in cs)
	print("};")


if __name__ == "__main__":
	which = sys.argv[1] if len(sys.argv) > 1 else "all"
	if which in ("f", "all"):
		tanh_section("hv_tanhf", "float", 24, 1 / 16, 4, 32, 5, 12)
	if which in ("d", "all"):
		deg = int(sys.argv[2]) if len(sys.argv) > 2 else 17
		tanh_section("hv_tanh", "double", 53, 1 / 8, 2, 16, deg, 20)
	if which in ("s", "all"):
		# sinh: (sinh y - y) / y^3 as a polynomial in u = y^2 on [0, 1]
		g = lambda u: (mp.sinh(mp.sqrt(u)) - mp.sqrt(u)) / mp.sqrt(u) ** 3 if u else mp.mpf(1) / 6
		c, err = fit(g, mp.mpf(0), mp.mpf(1), mp.mpf(0), 6, {}, 53)
		print("/* (sinh y - y) / y^3 in y^2, y < 1: relative error 2^%.1f */" % float(mp.log(err, 2)))
		dump("hv_sinh_p", c, 53, 3)
		hi = [rnd(mp.power(2, mp.mpf(j) / 16), 53) for j in range(16)]
		dump("hv_exp2_hi", hi, 53, 4)
		dump("hv_exp2_lo", [rnd(mp.power(2, mp.mpf(j) / 16) - hi[j], 53) for j in range(16)], 53, 4)
		dump("hv_exp2_inv", [rnd(mp.power(2, -mp.mpf(j) / 16), 53) for j in range(16)], 53, 4)
		l = mp.log(2) / 16
		lh = rnd(l, 38)
		print("#define HV_LN2_16_HI %s\t/* 38 bits */" % hexf(lh, 53))
		print("#define HV_LN2_16_LO %s" % hexf(rnd(l - lh, 53), 53))
		print("#define HV_INV_LN2_16 %s" % hexf(rnd(16 / mp.log(2), 53), 53))
