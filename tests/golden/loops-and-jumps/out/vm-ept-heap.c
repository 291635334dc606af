/* Shared locals inside loops and switches: break and continue that leave the block free it. */
int netstack_next(int *slot);

int drain(int n)
{
	int total = 0;

	for (int i = 0; i < n; i++) {
		int *slot = uk_malloc(flexos_shared_alloc, sizeof(int)); *slot = i;

		flexos_vmept_gate(0, 1, netstack_next, &(*slot));
		if ((*slot) < 0)
			{ uk_free(flexos_shared_alloc, slot); break; }
		if ((*slot) == 0)
			{ uk_free(flexos_shared_alloc, slot); continue; }
		switch ((*slot)) {
		case 1:
			break; /* leaves the switch only: no free */
		default:
			total += (*slot);
		}
		while ((*slot) > 100) {
			(*slot) /= 2;
			if ((*slot) & 1)
				break; /* leaves the inner loop only: no free */
		}
		uk_free(flexos_shared_alloc, slot);
	}
	do {
		int *once = uk_malloc(flexos_shared_alloc, sizeof(int)); *once = total;

		flexos_vmept_gate(0, 1, netstack_next, &(*once));
		if ((*once))
			goto out;
		uk_free(flexos_shared_alloc, once);
	} while (0);
out:
	return total;
}
