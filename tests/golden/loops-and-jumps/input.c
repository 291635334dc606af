/* Shared locals inside loops and switches: break and continue that leave the block free it. */
int netstack_next(int *slot);

int drain(int n)
{
	int total = 0;

	for (int i = 0; i < n; i++) {
		int slot __attribute__((flexos_whitelist)) = i;

		flexos_gate(libnetstack, netstack_next, &slot);
		if (slot < 0)
			break;
		if (slot == 0)
			continue;
		switch (slot) {
		case 1:
			break; /* leaves the switch only: no free */
		default:
			total += slot;
		}
		while (slot > 100) {
			slot /= 2;
			if (slot & 1)
				break; /* leaves the inner loop only: no free */
		}
	}
	do {
		int once __attribute__((flexos_whitelist)) = total;

		flexos_gate(libnetstack, netstack_next, &once);
		if (once)
			goto out;
	} while (0);
out:
	return total;
}
