"""Work: my work, the team's workload, unallocated children, allocation and transfer."""
