/* Shared locals inside loops and switches: break and continue that leave the block free it. */
int netstack_next(int *slot);

int drain(int n)
{
	int total = 0;

	for (int i = 0; i < n; i++) {
		int slot; int *_dss_slot = (int *)((uintptr_t)&slot + STACK_SIZE); *_dss_slot = i;

		flexos_intelpku_gate(0, 1, netstack_next, &(*_dss_slot));
		if ((*_dss_slot) < 0)
			break;
		if ((*_dss_slot) == 0)
			continue;
		switch ((*_dss_slot)) {
		case 1:
			break; /* leaves the switch only: no free */
		default:
			total += (*_dss_slot);
		}
		while ((*_dss_slot) > 100) {
			(*_dss_slot) /= 2;
			if ((*_dss_slot) & 1)
				break; /* leaves the inner loop only: no free */
		}
	}
	do {
		int once; int *_dss_once = (int *)((uintptr_t)&once + STACK_SIZE); *_dss_once = total;

		flexos_intelpku_gate(0, 1, netstack_next, &(*_dss_once));
		if ((*_dss_once))
			goto out;
	} while (0);
out:
	return total;
}
