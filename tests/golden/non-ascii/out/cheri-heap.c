/* Ünïcödé: comments with é, 漢字 and emoji 🎉 before every placeholder, so spans must be in UTF-16 units. */
int netstack_send(const char *buf, int len);

/* données partagées — 共有データ 🚀 */
static char msg[16] __attribute__((section(".data_shared"))) = "héllo";

int send_msg(void)
{
	int rc; /* résultat 🎯 */
	int *n = uk_malloc(flexos_shared_alloc, sizeof(int)); *n = 5; /* longueur 長さ */

	flexos_cheri_gate_r(0, 1, rc, netstack_send, msg, (*n));
	/* 🦄 é 漢 */ flexos_nop_gate_r(0, 0, rc, netstack_send, msg, (*n));
	{ int _flexos_ret = rc + (*n); uk_free(flexos_shared_alloc, n); return _flexos_ret; }
}
