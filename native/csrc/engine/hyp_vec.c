/* SPDX-License-Identifier: MIT */
/*
 * hyp_vec.c - tanh of contiguous float32 and float64 runs and sinh of
 * float64 runs with AVX-512. glibc's libmvec versions (the fallback,
 * loops_math_vec.c) cost 1.2-1.4 times numpy's own AVX-512 routines.
 *
 * tanh is odd: it is computed on |x| and the sign put back (tanh(-0) = -0).
 * |x| is cut into intervals by its exponent and top mantissa bits, each with
 * a polynomial in t = |x| - x0 whose coefficients sit in registers
 * (vpermt2ps/vpermt2pd pick each lane's): no division, no branch.
 *   float32: [0, 1/16), then quarter binades up to [8, 10) (tanh rounds to
 *            1 from ~9.011 on), then two intervals of constant 1; degree 5,
 *            32 intervals (degree 6 takes the largest error from 0.74 to
 *            0.63 ulp for 15% more time: the table lookups are what costs).
 *   float64: [0, 1/8), then half binades up to [16, 24) (fitted to 20; the
 *            result rounds to 1 from ~19.06 on), degree 16 (evaluated as
 *            two halves of degree 7: half the chain of dependent steps),
 *            16 intervals.
 * In interval 0 the result is t + t p(t) (p's first term is -t^2/3), so
 * tanh of a subnormal is itself and nothing rounds before the last step.
 * For the others x0 is a point of the interval whose tanh is within a few
 * thousandths of an ulp of a float (double), so c0 is exact, and so is t =
 * |x| - x0 (Sterbenz): the only large rounding is the last addition's.
 * |x| is clamped to 12 (20) first, which tanh rounds to 1, so inf gives 1;
 * a NaN stays a NaN (vminps returns its second operand for NaN), quieted by
 * the arithmetic, its sign put back like any other.
 *
 * sinh (float64) on y = |x|:
 *   y < 1: y + y^3 P(y^2), P of degree 6.
 *   y >= 1: y = m ln2/16 + f, k = floor(m/16), j = m mod 16; e^y = 2^k h
 *   with h = 2^(j/16) e^f (as hi + lo), e^-y = 2^-k 2^(-j/16) e^-f, e^f and
 *   e^-f from one even and one odd polynomial (no division, no
 *   reciprocal); sinh y = 2^k (h/2 - 2^(-2k-1) 2^(-j/16) e^-f), the 2^k
 *   applied last (vscalefpd) so nothing overflows before the result does
 *   (past 710.4758...).
 *
 * The tables come from tools/hyp_fit.py (mpmath least-squares fits,
 * rounded); the accuracy measured against long double is in the C test
 * (tests/math_test.c).
 */
#include <math.h>
#include <stdint.h>

#include "hyp_vec.h"

#if defined(__x86_64__) && defined(__GNUC__)

#include <immintrin.h>

#include "vec512.h"


/* ---- tables (tools/hyp_fit.py) --------------------------------------------- */

/* worst relative error 2^-26.0 */
static const float hv_tanhf_x0[32] = {
	0x0p+0f, 0x1.13418ap-4f, 0x1.694dd2p-4f, 0x1.94ac08p-4f,
	0x1.e1fbe8p-4f, 0x1.206666p-3f, 0x1.5bp-3f, 0x1.a8f5c2p-3f,
	0x1.edba5ep-3f, 0x1.1520c4p-2f, 0x1.6b020cp-2f, 0x1.a726eap-2f,
	0x1.d2c084p-2f, 0x1.23e354p-1f, 0x1.528b44p-1f, 0x1.97b43ap-1f,
	0x1.d7b646p-1f, 0x1.2ec29p+0f, 0x1.6f6a8p+0f, 0x1.9ae76cp+0f,
	0x1.d2df3cp+0f, 0x1.121688p+1f, 0x1.58c49cp+1f, 0x1.961eb8p+1f,
	0x1.e7f5c2p+1f, 0x1.2cc29p+2f, 0x1.5af5c2p+2f, 0x1.a21cacp+2f,
	0x1.e7f9dcp+2f, 0x1.15418ap+3f, 0x0p+0f, 0x0p+0f,
};
static const float hv_tanhf_c[6][32] = {
	{
		0x0p+0f, 0x1.12d7a8p-4f, 0x1.685eacp-4f, 0x1.935c48p-4f,
		0x1.dfc58ap-4f, 0x1.1e8236p-3f, 0x1.57b798p-3f, 0x1.a2f6d4p-3f,
		0x1.e4615cp-3f, 0x1.0e8ep-2f, 0x1.5c876ap-2f, 0x1.909accp-2f,
		0x1.b4e7b6p-2f, 0x1.07e632p-1f, 0x1.28897cp-1f, 0x1.52ec9cp-1f,
		0x1.73fa22p-1f, 0x1.a81548p-1f, 0x1.c9140ep-1f, 0x1.d848f8p-1f,
		0x1.e5fe94p-1f, 0x1.f20e08p-1f, 0x1.fb55fap-1f, 0x1.fe34e6p-1f,
		0x1.ff8008p-1f, 0x1.ffea4ap-1f, 0x1.fffaep-1f, 0x1.ffff72p-1f,
		0x1.fffffp-1f, 0x1.fffffep-1f, 0x1p+0f, 0x1p+0f,
	},
	{
		0x0p+0f, 0x1.fdb1dcp-1f, 0x1.fc096cp-1f, 0x1.fb08e8p-1f,
		0x1.f8f9b6p-1f, 0x1.f5fac6p-1f, 0x1.f19414p-1f, 0x1.ea92a8p-1f,
		0x1.e35bfep-1f, 0x1.dc4206p-1f, 0x1.c4aff2p-1f, 0x1.b1a37cp-1f,
		0x1.a2cb3ep-1f, 0x1.77fa9cp-1f, 0x1.5440e4p-1f, 0x1.1fa52cp-1f,
		0x1.e3810ep-2f, 0x1.41797ep-2f, 0x1.9fcec8p-3f, 0x1.3165b4p-3f,
		0x1.95859ap-4f, 0x1.b82b1ap-5f, 0x1.292502p-6f, 0x1.ca4b66p-8f,
		0x1.ffa13cp-10f, 0x1.5b7096p-12f, 0x1.47ee38p-14f, 0x1.1c0a4ep-17f,
		0x1.0015e4p-20f, 0x1.fd6946p-24f, 0x0p+0f, 0x0p+0f,
	},
	{
		0x0p+0f, -0x1.119ae6p-4f, -0x1.6594dep-4f, -0x1.8f7322p-4f,
		-0x1.d93074p-4f, -0x1.18e6cp-3f, -0x1.4e0922p-3f, -0x1.916e54p-3f,
		-0x1.c948d4p-3f, -0x1.f755cep-3f, -0x1.342752p-2f, -0x1.534ad2p-2f,
		-0x1.655e9ap-2f, -0x1.83948p-2f, -0x1.8a21c8p-2f, -0x1.7cd1fp-2f,
		-0x1.5f463ap-2f, -0x1.0a456p-2f, -0x1.733398p-3f, -0x1.19b56ap-3f,
		-0x1.80eca2p-4f, -0x1.ac30a8p-5f, -0x1.266f64p-6f, -0x1.c8b27cp-8f,
		-0x1.ff1f76p-10f, -0x1.5bcca8p-12f, -0x1.47be7ap-14f, -0x1.1ba964p-17f,
		-0x1.ffe626p-21f, -0x1.00c42ap-23f, 0x0p+0f, 0x0p+0f,
	},
	{
		-0x1.55557cp-2f, -0x1.4f34f6p-2f, -0x1.4ad688p-2f, -0x1.482f9cp-2f,
		-0x1.42cb62p-2f, -0x1.3b0132p-2f, -0x1.2fafeap-2f, -0x1.1dfe06p-2f,
		-0x1.0c29b2p-2f, -0x1.f60462p-3f, -0x1.89d278p-3f, -0x1.38b762p-3f,
		-0x1.fade08p-4f, -0x1.9721p-5f, 0x1.7055cep-10f, 0x1.e294aap-5f,
		0x1.7822c4p-4f, 0x1.c5aeb8p-4f, 0x1.819d8p-4f, 0x1.3c15d6p-4f,
		0x1.cc6292p-5f, 0x1.0de176p-5f, 0x1.81bc48p-7f, 0x1.2ea542p-8f,
		0x1.539f5ap-10f, 0x1.c91858p-13f, 0x1.b80714p-15f, 0x1.78be7ep-18f,
		0x1.510054p-21f, 0x1.681962p-24f, 0x0p+0f, 0x0p+0f,
	},
	{
		0x1.486338p-15f, 0x1.71778cp-5f, 0x1.0640e6p-4f, 0x1.1cf9a6p-4f,
		0x1.35685ap-4f, 0x1.6b9778p-4f, 0x1.aaea1cp-4f, 0x1.f9c9fp-4f,
		0x1.163c48p-3f, 0x1.2c649p-3f, 0x1.5384eep-3f, 0x1.5c68c4p-3f,
		0x1.5a6552p-3f, 0x1.36878ap-3f, 0x1.05285ap-3f, 0x1.5c0f54p-4f,
		0x1.866f96p-5f, -0x1.673cfcp-8f, -0x1.88085ap-6f, -0x1.9dfbe2p-6f,
		-0x1.68dde4p-6f, -0x1.dd3c0cp-7f, -0x1.74eccap-8f, -0x1.2a970ap-9f,
		-0x1.542adep-11f, -0x1.bbec96p-14f, -0x1.c4776p-16f, -0x1.8bf6fap-19f,
		-0x1.5b5aa4p-22f, -0x1.606d22p-25f, 0x0p+0f, 0x0p+0f,
	},
	{
		0x1.0faaaep-3f, 0x1.22a166p-4f, 0x1.42741p-1f, -0x1.0d4c9p-2f,
		0x1.040706p-3f, 0x1.cd5d22p-4f, 0x1.8f96d4p-4f, 0x1.0cdcf4p-3f,
		0x1.fafae6p-5f, 0x1.e830b2p-5f, 0x1.0612dep-5f, 0x1.73744ep-8f,
		-0x1.0bff66p-6f, -0x1.60fbeep-5f, -0x1.f78626p-5f, -0x1.00b4fep-4f,
		-0x1.b2f53ap-5f, -0x1.04a8bep-5f, -0x1.337d7p-7f, 0x1.78b04ap-10f,
		0x1.2cb884p-8f, 0x1.063d0ap-8f, 0x1.f4c522p-10f, 0x1.957108p-11f,
		0x1.3307e2p-12f, 0x1.189256p-14f, 0x1.333ecap-17f, 0x1.54417p-20f,
		0x1.6b04bcp-23f, 0x1.4d7458p-27f, 0x0p+0f, 0x0p+0f,
	},
};

/* worst relative error 2^-56.6 */
static const double hv_tanh_x0[16] = {
	0x0p+0, 0x1.2851eb851eb85p-3, 0x1.cc66666666666p-3, 0x1.2f16872b020c5p-2,
	0x1.a49ba5e353f7dp-2, 0x1.33020c49ba5e3p-1, 0x1.c024dd2f1a9fcp-1, 0x1.5bcac083126e9p+0,
	0x1.d61cac083126fp+0, 0x1.3c5604189374cp+1, 0x1.a01cac083126fp+1, 0x1.2ad916872b021p+2,
	0x1.c67ef9db22d0ep+2, 0x1.41604189374bcp+3, 0x1.c5b22d0e56042p+3, 0x1.2b70a3d70a3d7p+4,
};
static const double hv_tanh_c[17][16] = {
	{
		0x0p+0, 0x1.2644f78632ddcp-3, 0x1.c4cc414e3775ep-3, 0x1.2689643144eddp-2,
		0x1.8e72abdb2a0f8p-2, 0x1.12d52da7268d4p-1, 0x1.6878e8ff7cebep-1, 0x1.c08ad634ef7c3p-1,
		0x1.e6a0db18139f7p-1, 0x1.f8beddbc854ap-1, 0x1.fe77293edda0fp-1, 0x1.ffe8f3d0f6ad6p-1,
		0x1.ffffd27305407p-1, 0x1.ffffffdf81f68p-1, 0x1.fffffffffddebp-1, 0x1.fffffffffffffp-1,
	},
	{
		0x0p+0, 0x1.f56dec271aa46p-1, 0x1.e6f8f0b35d36bp-1, 0x1.d5a404844e377p-1,
		0x1.b27ae7c8a0d5p-1, 0x1.6c797c609897ap-1, 0x1.0235dbcb1689bp-1, 0x1.dc338df62afd3p-3,
		0x1.8be36c37ef8fap-4, 0x1.ccfe89bcf47bap-6, 0x1.88400c8976e17p-8, 0x1.70baa3d109baap-12,
		0x1.6c67c5c6c4661p-19, 0x1.03f04be746cd4p-27, 0x1.10a8000f6c0c4p-39, 0x1.fff8ae40b66f9p-53,
	},
	{
		0x0p+0, -0x1.2031a99dc681ap-3, -0x1.aeaa09cb3efc2p-3, -0x1.0e2b34e2689fp-2,
		-0x1.521ed960985e6p-2, -0x1.8749893334b18p-2, -0x1.6b95b1571fba3p-2, -0x1.a12e3d577147p-3,
		-0x1.784540334e7f8p-4, -0x1.c67669b0b9b97p-6, -0x1.871316f921eb1p-8, -0x1.70aa0aa86efcfp-12,
		-0x1.6c67a55b4d69fp-19, -0x1.03f04bce6c214p-27, -0x1.10a8001095a49p-39, -0x1.ffca4af5fa06bp-53,
	},
	{
		-0x1.5555555555555p-2, -0x1.3994dd4fdddd8p-2, -0x1.150a386272219p-2, -0x1.d6c4b739a521ap-3,
		-0x1.3c2cd50a4fec5p-3, -0x1.079316c5b1c2dp-5, 0x1.4f5cd57d6ca11p-4, 0x1.9d7b775f9051bp-4,
		0x1.c352f260334d1p-5, 0x1.265bcce2fb256p-6, 0x1.0327042539559p-8, 0x1.eb6121f2c0fe2p-13,
		0x1.e5df30b088b27p-20, 0x1.5a95bbe5f976dp-28, 0x1.6b8aaa9e4b93p-40, 0x1.5560b4f504cb9p-53,
	},
	{
		0x1.377bb7b6121aep-62, 0x1.745bd432da40cp-4, 0x1.0a0ec8db5dde8p-3, 0x1.3b857268b430cp-3,
		0x1.5c70bb1bcac66p-3, 0x1.283a8e251d859p-3, 0x1.f1563d46632b8p-5, -0x1.507550a214786p-6,
		-0x1.6439634d71866p-6, -0x1.156696abc99d8p-7, -0x1.0008f67fe2761p-9, -0x1.eb08a33cf080bp-14,
		-0x1.e5de83c93ca4cp-21, -0x1.5a95bcd425d35p-29, -0x1.6b8aaf6aee887p-41, -0x1.56be63328b9cap-54,
	},
	{
		0x1.111111111110fp-3, 0x1.c5bfb4adfa0c3p-4, 0x1.52500535729a1p-4, 0x1.afa81a5871553p-5,
		0x1.0dc8e9298d7d9p-8, -0x1.a297b872a14f9p-5, -0x1.e1ea6c8e1089bp-5, -0x1.57c9e543beba6p-7,
		0x1.2384567a50462p-8, 0x1.86e125d06b7d9p-9, 0x1.8fbb193907779p-11, 0x1.8846290863acep-15,
		0x1.84b0ee61990d6p-22, 0x1.15447ef559d9ep-30, 0x1.22d556d5bd629p-42, 0x1.0f7fbc3e914afp-55,
	},
	{
		0x1.523c711bbf6fp-48, -0x1.94407484f46bcp-5, -0x1.0f4f9148380d5p-4, -0x1.28712539c675ap-4,
		-0x1.0ce8e3170970fp-4, -0x1.dfae5a821c07p-6, 0x1.b3804e6e443ffp-7, 0x1.792762837aebp-7,
		0x1.007001fe3843p-10, -0x1.81114941d316ap-11, -0x1.fab56a7902439p-13, -0x1.04c77545f9e46p-16,
		-0x1.031f2e02cd85cp-23, -0x1.71b08cfd121c5p-32, -0x1.83c6a0b80ffadp-44, -0x1.59934ccfba144p-57,
	},
	{
		-0x1.ba1ba1ba25d7dp-5, -0x1.3d1edb3dd7cfbp-5, -0x1.569ec014276bap-6, -0x1.f19fdd0f0e5dep-9,
		0x1.366cd72141c8bp-6, 0x1.f425d8edadec6p-6, 0x1.689615da51f17p-7, -0x1.3cdc4c43033f7p-8,
		-0x1.6d19c9ec2db1cp-10, 0x1.24518f60de5e7p-14, 0x1.03df876dc1526p-14, 0x1.28599c3a3a80bp-18,
		0x1.2820573963ef6p-25, 0x1.a682f171b1b35p-34, 0x1.bb2caa8e9ac95p-46, 0x1.d953fa7b79c2ap-59,
	},
	{
		0x1.a8ba58680db67p-37, 0x1.916fdd19826e8p-6, 0x1.eabae27ba1dadp-6, 0x1.de648f1ee2184p-6,
		0x1.3729494063286p-6, -0x1.55504468d2ffdp-9, -0x1.4a349cc4a5bbdp-7, 0x1.87fb18fa8a38ap-12,
		0x1.73acdbc4a8544p-11, 0x1.87b15693b7d76p-15, -0x1.931865cdc2da6p-17, -0x1.24fc9bdef70d4p-20,
		-0x1.2819c445eb793p-27, -0x1.a684e61672326p-36, -0x1.bb36f6de5d926p-48, -0x1.356c5a44d435p-60,
	},
	{
		0x1.664f4821d71dp-6, 0x1.51f7a5636e86cp-10, 0x1.eff75e46e8f86p-11, -0x1.5a3ae4d326977p-8,
		-0x1.adf20e726b946p-7, -0x1.3dab49eb0c288p-7, 0x1.0d11b9e4a602ep-9, 0x1.d0d070297880cp-11,
		-0x1.b1c10245b30b2p-13, -0x1.261e2f202df1p-15, 0x1.38aec4a899c7bp-20, 0x1.fced150846e7dp-23,
		0x1.07279fe7fc0ddp-29, 0x1.77735acd3ecfp-38, 0x1.89ecaac1cc0a9p-50, -0x1.1e04cbcb77e5bp-62,
	},
	{
		0x1.fd9e9ed7e3151p-28, -0x1.135f5abe65ffbp-3, 0x1.10f572c83fdf4p-3, -0x1.51d7838bf4426p-7,
		-0x1.b08154b9d0d14p-9, 0x1.49edea9bd38fap-8, 0x1.06e1907de4228p-9, -0x1.52409c67ef361p-11,
		0x1.202ba14da321fp-17, 0x1.ee165cb6cb699p-17, 0x1.7273c9011967cp-22, -0x1.8419012a62c5bp-25,
		-0x1.a4e5c425ed3f2p-32, -0x1.2c48a8a8a05ccp-40, -0x1.3ab5d1e7e5523p-52, 0x1.ba1e9c6d92585p-67,
	},
	{
		-0x1.226f29b027482p-7, 0x1.659a63562eed3p+4, 0x1.25911fb8fe7a6p+2, 0x1.6f3818dcbc9b2p-8,
		0x1.c6a65ea9f33e4p-7, 0x1.52f965ba5f3b7p-10, -0x1.c30df9ce902bfp-10, 0x1.a5401cad8585fp-13,
		0x1.f7630544918bcp-16, -0x1.26a76f620e02ap-18, -0x1.173ac15168712p-22, 0x1.fd4e1dad0954cp-28,
		0x1.31e663ca1a5cep-34, 0x1.b6a0bf855870cp-43, 0x1.cac096ec8660bp-55, 0x1.b45d4b180769ep-63,
	},
	{
		0x1.56554152a4354p-20, -0x1.75d8675b501e4p+8, -0x1.d28d3b50e711cp+6, 0x1.a0c2780246838p-6,
		-0x1.468d332ba948p-5, -0x1.31ea548fdc78fp-9, 0x1.3936b68af8375p-12, 0x1.84e5d92d6dac2p-16,
		-0x1.559cc98fda092p-16, 0x1.b55bd46aa9856p-21, 0x1.b9979870f4f6ap-24, -0x1.097f681b1a778p-30,
		-0x1.9775cb79a718dp-37, -0x1.253ba1f723927p-45, -0x1.36c69899eaef1p-57, 0x1.e4c03833dd004p-65,
	},
	{
		0x1.d578b8ee8950ep-9, -0x1.7c548741ec952p+13, -0x1.42cc7f9b926b4p+12, -0x1.77ca4e55aa67ap-2,
		-0x1.67d9bee8c387ep+0, 0x1.2d88682d727e7p-11, 0x1.7e4a721be96fp-12, -0x1.012602469af02p-14,
		0x1.01ce170fe81c8p-17, 0x1.5c97f7da244abp-25, -0x1.0c840b0dfcb62p-25, 0x1.1a73ad2b745f2p-34,
		0x1.f37fa9cadbcf7p-40, 0x1.58d5956510925p-48, 0x1.725e405448fb1p-60, -0x1.94d7f6fb43c47p-66,
	},
	{
		0x1.f0e39ff3bae05p-15, 0x1.0c54f11662d7ep+19, 0x1.974820970dd7ap+13, -0x1.1ddb1337405dcp+0,
		0x1.8cdeb45e9da22p+4, 0x1.4d9d40646bd15p-11, 0x1.5dc82d773c3b5p-13, 0x1.ffe32c53f61d5p-16,
		-0x1.0ca3feba7091fp-20, -0x1.04bb9e3d78ab8p-23, 0x1.073684901dbbep-27, 0x1.d9b56a834a51dp-37,
		-0x1.182f1074e7125p-42, -0x1.81294711b08a5p-51, -0x1.6ccff1374fe5ep-63, -0x1.397db27e2f72fp-66,
	},
	{
		-0x1.b96974bd7179fp-10, -0x1.dff6680be758p+22, 0x1.15520d6fd3b1cp+21, 0x1.520ba2e9a363dp+5,
		-0x1.42ab17924e20ep+7, -0x1.be75fbb88a43cp-10, 0x1.bdc4ebbdbeaa1p-16, -0x1.e2520e9a784c2p-17,
		0x1.5b64f6ebf908bp-22, 0x1.292832ef23a1dp-24, -0x1.8335204c269a5p-30, -0x1.8a7fe24976608p-38,
		0x1.37547ae84ee71p-45, 0x1.17737e0d107ddp-53, 0x1.0eda949b1fap-65, -0x1.1f175abad265ep-68,
	},
	{
		0x1.181aafae50ab3p-11, 0x1.3543e9b888e6ap+25, 0x1.5974d29974bb8p+24, -0x1.7873056c5830bp+7,
		0x1.84e95ac8b1558p+8, 0x1.96bb1a58476ecp-9, -0x1.c1313182d92e1p-8, -0x1.b9dfdb0f9f0bfp-17,
		0x1.67f242e507ce7p-20, -0x1.68c20254299a5p-26, 0x1.414093efe25d5p-33, 0x1.958fe813f773ep-41,
		-0x1.73e14550930dap-48, -0x1.2b12a331ae58fp-56, -0x1.9a898809d313ep-68, -0x1.79342d1d64fbdp-72,
	},
};

/* (sinh y - y) / y^3 in y^2, y < 1: relative error 2^-53.9 */
static const double hv_sinh_p[7] = {
	0x1.5555555555555p-3, 0x1.11111111110fep-7, 0x1.a01a01a01ed6dp-13,
	0x1.71de3a4e26463p-19, 0x1.ae6460ea28cbcp-26, 0x1.611cbaa296c4ap-33,
	0x1.b40fb6debc86ap-41,
};
static const double hv_exp2_hi[16] = {
	0x1p+0, 0x1.0b5586cf9890fp+0, 0x1.172b83c7d517bp+0, 0x1.2387a6e756238p+0,
	0x1.306fe0a31b715p+0, 0x1.3dea64c123422p+0, 0x1.4bfdad5362a27p+0, 0x1.5ab07dd485429p+0,
	0x1.6a09e667f3bcdp+0, 0x1.7a11473eb0187p+0, 0x1.8ace5422aa0dbp+0, 0x1.9c49182a3f09p+0,
	0x1.ae89f995ad3adp+0, 0x1.c199bdd85529cp+0, 0x1.d5818dcfba487p+0, 0x1.ea4afa2a490dap+0,
};
static const double hv_exp2_lo[16] = {
	0x0p+0, 0x1.8a62e4adc610bp-54, -0x1.19041b9d78a76p-55, 0x1.9b07eb6c70573p-54,
	0x1.6f46ad23182e4p-55, 0x1.ada0911f09ebcp-55, 0x1.d4397afec42e2p-56, 0x1.6324c054647adp-54,
	-0x1.bdd3413b26456p-54, -0x1.41577ee04992fp-55, 0x1.6e9f156864b27p-54, 0x1.c7c46b071f2bep-56,
	0x1.7a1cd345dcc81p-54, 0x1.11065895048ddp-55, 0x1.2ed02d75b3707p-55, -0x1.e9c23179c2893p-54,
};
static const double hv_exp2_inv[16] = {
	0x1p+0, 0x1.ea4afa2a490dap-1, 0x1.d5818dcfba487p-1, 0x1.c199bdd85529cp-1,
	0x1.ae89f995ad3adp-1, 0x1.9c49182a3f09p-1, 0x1.8ace5422aa0dbp-1, 0x1.7a11473eb0187p-1,
	0x1.6a09e667f3bcdp-1, 0x1.5ab07dd485429p-1, 0x1.4bfdad5362a27p-1, 0x1.3dea64c123422p-1,
	0x1.306fe0a31b715p-1, 0x1.2387a6e756238p-1, 0x1.172b83c7d517bp-1, 0x1.0b5586cf9890fp-1,
};
#define HV_LN2_16_HI 0x1.62e42fefap-5	/* 38 bits */
#define HV_LN2_16_LO 0x1.cf79abc9e3b3ap-44
#define HV_INV_LN2_16 0x1.71547652b82fep+4

/* ---- tanh -------------------------------------------------------------------- */

#define HV_TANHF_DEG 5
#define HV_TANH_DEG 16

/* a table of 32 floats (16 doubles) as two registers, vpermt2ps/pd's operands */
struct hv_tab32 {
	__m512 lo, hi;
};

struct hv_tab16 {
	__m512d lo, hi;
};

V512_INLINE struct hv_tab32 tab32(const float *t)
{
	return (struct hv_tab32){ _mm512_loadu_ps(t), _mm512_loadu_ps(t + 16) };
}

V512_INLINE struct hv_tab16 tab16(const double *t)
{
	return (struct hv_tab16){ _mm512_loadu_pd(t), _mm512_loadu_pd(t + 8) };
}

#define HV_PICK_PS(T, idx) _mm512_permutex2var_ps((T).lo, idx, (T).hi)
#define HV_PICK_PD(T, idx) _mm512_permutex2var_pd((T).lo, idx, (T).hi)

/* the sign of x put on r (r >= 0 or NaN): r | (x & sign) in one vpternlog */
V512_INLINE __m512 with_sign_ps(__m512 r, __m512 x)
{
	return _mm512_castsi512_ps(_mm512_ternarylogic_epi32(_mm512_castps_si512(r), _mm512_castps_si512(x),
							     _mm512_set1_epi32((int)0x80000000u), 0xf8));
}

V512_INLINE __m512d with_sign_pd(__m512d r, __m512d x)
{
	return _mm512_castsi512_pd(_mm512_ternarylogic_epi64(_mm512_castpd_si512(r), _mm512_castpd_si512(x),
							     _mm512_set1_epi64((long long)0x8000000000000000ull), 0xf8));
}

/*
 * tanh of 16 floats. The interval: (bits(y) - bits(1/16)) >> 21 counts
 * quarter binades from 1/16, +1 (folded into the bias); 0 for [0, 1/16),
 * where the difference is negative.
 */
V512_INLINE __m512 tanhf16(__m512 x, const struct hv_tab32 *x0, const struct hv_tab32 *c)
{
	const __m512 y = _mm512_min_ps(_mm512_set1_ps(12.0f), _mm512_abs_ps(x));
	const __mmask16 first = _mm512_cmp_ps_mask(y, _mm512_set1_ps(0x1p-4f), _CMP_LT_OQ);
	const __m512i d = _mm512_sub_epi32(_mm512_castps_si512(y), _mm512_set1_epi32(0x3d800000 - (1 << 21)));
	const __m512i idx = _mm512_maskz_srai_epi32((__mmask16)~first, d, 21);
	const __m512 t = _mm512_sub_ps(y, HV_PICK_PS(*x0, idx));
	__m512 p = HV_PICK_PS(c[HV_TANHF_DEG], idx);
#pragma GCC unroll 16
	for (int k = HV_TANHF_DEG - 1; k >= 1; k--)
		p = _mm512_fmadd_ps(p, t, HV_PICK_PS(c[k], idx));
	/* c0 + t p, or in [0, 1/16) t + t p (the table's c1 there is 1 - 1) */
	const __m512 base = _mm512_mask_blend_ps(first, HV_PICK_PS(c[0], idx), t);
	return with_sign_ps(_mm512_fmadd_ps(p, t, base), x);
}

/* tanh of 8 doubles: half binades from 1/8 */
V512_INLINE __m512d tanh8(__m512d x, const struct hv_tab16 *x0, const struct hv_tab16 *c)
{
	const __m512d y = _mm512_min_pd(_mm512_set1_pd(20.0), _mm512_abs_pd(x));
	const __mmask8 first = _mm512_cmp_pd_mask(y, _mm512_set1_pd(0x1p-3), _CMP_LT_OQ);
	const __m512i d = _mm512_sub_epi64(_mm512_castpd_si512(y),
					   _mm512_set1_epi64(0x3fc0000000000000ll - (1ll << 51)));
	const __m512i idx = _mm512_maskz_srai_epi64((__mmask8)~first, d, 51);
	const __m512d t = _mm512_sub_pd(y, HV_PICK_PD(*x0, idx));
	/* c1 + ... + c16 t^15 as (c1 .. c8) + t^8 (c9 .. c16): half the chain of dependent steps */
	__m512d lo = HV_PICK_PD(c[8], idx), hi = HV_PICK_PD(c[16], idx);
#pragma GCC unroll 8
	for (int k = 7; k >= 1; k--) {
		lo = _mm512_fmadd_pd(lo, t, HV_PICK_PD(c[k], idx));
		hi = _mm512_fmadd_pd(hi, t, HV_PICK_PD(c[k + 8], idx));
	}
	const __m512d t2 = _mm512_mul_pd(t, t), t4 = _mm512_mul_pd(t2, t2);
	const __m512d p = _mm512_fmadd_pd(hi, _mm512_mul_pd(t4, t4), lo);
	const __m512d base = _mm512_mask_blend_pd(first, HV_PICK_PD(c[0], idx), t);
	return with_sign_pd(_mm512_fmadd_pd(p, t, base), x);
}

/*
 * HV_EACH(V, S, M, W, in, out, n, F): out = F for each vector v (type V, W
 * lanes, intrinsics suffix S) of in, the last one loaded and stored under
 * a mask of type M; F is an expression of v.
 */
#define HV_EACH(V, S, M, W, in, out, n, F)					\
	do {									\
		intptr_t i_ = 0;						\
		for (; i_ + (W) <= (n); i_ += (W)) {				\
			const V v = _mm512_loadu_##S((in) + i_);		\
			_mm512_storeu_##S((out) + i_, (F));			\
		}								\
		if (i_ < (n)) {							\
			const M live = (M)((1u << ((n) - i_)) - 1);		\
			const V v = _mm512_maskz_loadu_##S(live, (in) + i_);	\
			_mm512_mask_storeu_##S((out) + i_, live, (F));		\
		}								\
	} while (0)

V512_TARGET static void tanhf_run(const float *in, float *out, intptr_t n)
{
	struct hv_tab32 c[HV_TANHF_DEG + 1];
	const struct hv_tab32 x0 = tab32(hv_tanhf_x0);

#pragma GCC unroll 16
	for (int k = 0; k <= HV_TANHF_DEG; k++)
		c[k] = tab32(hv_tanhf_c[k]);
	HV_EACH(__m512, ps, __mmask16, 16, in, out, n, tanhf16(v, &x0, c));
}

V512_TARGET static void tanh_run(const double *in, double *out, intptr_t n)
{
	struct hv_tab16 c[HV_TANH_DEG + 1];
	const struct hv_tab16 x0 = tab16(hv_tanh_x0);

#pragma GCC unroll 20
	for (int k = 0; k <= HV_TANH_DEG; k++)
		c[k] = tab16(hv_tanh_c[k]);
	HV_EACH(__m512d, pd, __mmask8, 8, in, out, n, tanh8(v, &x0, c));
}

/* ---- sinh -------------------------------------------------------------------- */

/* y + y^3 P(y^2) for y < 1 */
V512_INLINE __m512d sinh_small(__m512d y)
{
	const __m512d u = _mm512_mul_pd(y, y);
	__m512d p = _mm512_set1_pd(hv_sinh_p[6]);
	for (int k = 5; k >= 0; k--)
		p = _mm512_fmadd_pd(p, u, _mm512_set1_pd(hv_sinh_p[k]));
	return _mm512_fmadd_pd(_mm512_mul_pd(y, u), p, y);
}

/*
 * sinh y for 1 <= y (clamped to 711: inf gives inf, NaN stays NaN), see the
 * file header. y = m ln2/16 + f, |f| <= ln2/32 (f exact: m ln2/16_hi is).
 */
V512_INLINE __m512d sinh_big(__m512d y, const struct hv_tab16 *thi, const struct hv_tab16 *tlo,
			   const struct hv_tab16 *tinv)
{
	const __m512d shift = _mm512_set1_pd(0x1.8p52);
	const __m512d s = _mm512_fmadd_pd(y, _mm512_set1_pd(HV_INV_LN2_16), shift);
	const __m512d m = _mm512_sub_pd(s, shift);
	const __m512i idx = _mm512_castpd_si512(s);
	__m512d f = _mm512_fnmadd_pd(m, _mm512_set1_pd(HV_LN2_16_HI), y);
	f = _mm512_fnmadd_pd(m, _mm512_set1_pd(HV_LN2_16_LO), f);

	/*
	 * e^f - 1 and e^-f - 1 from the even part E - 1 = u/2 + u^2/24 + u^3/720
	 * and the odd part O = f + f u/6 + f u^2/120 + f u^3/5040 (u = f^2 <=
	 * 2^-11: the next terms are below 2^-59)
	 */
	const __m512d u = _mm512_mul_pd(f, f);
	const __m512d ep = _mm512_fmadd_pd(_mm512_fmadd_pd(u, _mm512_set1_pd(1.0 / 720), _mm512_set1_pd(1.0 / 24)),
					   u, _mm512_set1_pd(0.5));
	const __m512d ev = _mm512_mul_pd(u, ep);
	const __m512d op = _mm512_fmadd_pd(_mm512_fmadd_pd(u, _mm512_set1_pd(1.0 / 5040), _mm512_set1_pd(1.0 / 120)),
					   u, _mm512_set1_pd(1.0 / 6));
	const __m512d od = _mm512_fmadd_pd(_mm512_mul_pd(f, u), op, f);

	/* h/2 = hh + hl = 2^(j/16) e^f / 2 (the tables are halved), hl < 0.012 */
	const __m512d hh = HV_PICK_PD(*thi, idx);
	const __m512d hl = _mm512_fmadd_pd(hh, _mm512_add_pd(ev, od), HV_PICK_PD(*tlo, idx));
	const __m512d k = _mm512_roundscale_pd(_mm512_mul_pd(m, _mm512_set1_pd(0.0625)),
					       _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);

	/*
	 * g = 2^(-2k) / (2h) = 2^(-2k-1) 2^(-j/16) e^-f < 0.07 (k >= 1); hh +
	 * (hl - g): hl - g rounds to within 2^-57 of the sum
	 */
	const __m512d ti = HV_PICK_PD(*tinv, idx);
	const __m512d g = _mm512_scalef_pd(_mm512_fmadd_pd(ti, _mm512_sub_pd(ev, od), ti),
					   _mm512_fmadd_pd(k, _mm512_set1_pd(-2.0), _mm512_set1_pd(-1.0)));
	return _mm512_scalef_pd(_mm512_add_pd(hh, _mm512_sub_pd(hl, g)), k);
}

/*
 * sinh of 8 doubles: the short polynomial always, the long part when a lane
 * needs it. Skipping the polynomial too when no lane needs it would add a
 * branch that random arguments mispredict a third of the time.
 */
V512_INLINE __m512d sinh8(__m512d x, const struct hv_tab16 *thi, const struct hv_tab16 *tlo,
			const struct hv_tab16 *tinv)
{
	const __m512d y = _mm512_min_pd(_mm512_set1_pd(711.0), _mm512_abs_pd(x));
	const __mmask8 small = _mm512_cmp_pd_mask(y, _mm512_set1_pd(1.0), _CMP_LT_OQ);
	__m512d r = sinh_small(y);

	if (small != 0xff)
		r = _mm512_mask_blend_pd(small, sinh_big(y, thi, tlo, tinv), r);
	return with_sign_pd(r, x);
}

V512_TARGET static void sinh_run(const double *in, double *out, intptr_t n)
{
	/* 2^(j/16) / 2: sinh = (e^y - e^-y) / 2 */
	const __m512d half = _mm512_set1_pd(0.5);
	struct hv_tab16 thi = tab16(hv_exp2_hi), tlo = tab16(hv_exp2_lo);
	const struct hv_tab16 tinv = tab16(hv_exp2_inv);

	thi.lo = _mm512_mul_pd(thi.lo, half), thi.hi = _mm512_mul_pd(thi.hi, half);
	tlo.lo = _mm512_mul_pd(tlo.lo, half), tlo.hi = _mm512_mul_pd(tlo.hi, half);
	HV_EACH(__m512d, pd, __mmask8, 8, in, out, n, sinh8(v, &thi, &tlo, &tinv));
}

/* ---- dispatch -------------------------------------------------------------- */

int hv_tanh(int is_double, const char *in, char *out, intptr_t n)
{
	if (!v512_cpu())
		return 0;
	if (is_double)
		tanh_run((const double *)in, (double *)out, n);
	else
		tanhf_run((const float *)in, (float *)out, n);
	return 1;
}

int hv_sinh(const char *in, char *out, intptr_t n)
{
	if (!v512_cpu())
		return 0;
	sinh_run((const double *)in, (double *)out, n);
	return 1;
}

#else

int hv_tanh(int is_double, const char *in, char *out, intptr_t n)
{
	(void)is_double, (void)in, (void)out, (void)n;
	return 0;
}

int hv_sinh(const char *in, char *out, intptr_t n)
{
	(void)in, (void)out, (void)n;
	return 0;
}

#endif
