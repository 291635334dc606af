/* Ünïcödé: comments with é, 漢字 and emoji 🎉 before every placeholder, so spans must be in UTF-16 units. */
int netstack_send(const char *buf, int len);

/* données partagées — 共有データ 🚀 */
static char msg[16] __attribute__((flexos_whitelist)) = "héllo";

int send_msg(void)
{
	int rc; /* résultat 🎯 */
	int n __attribute__((flexos_whitelist)) = 5; /* longueur 長さ */

	flexos_gate_r(libnetstack, rc, netstack_send, msg, n);
	/* 🦄 é 漢 */ flexos_gate_r(libvfs, rc, netstack_send, msg, n);
	return rc + n;
}
