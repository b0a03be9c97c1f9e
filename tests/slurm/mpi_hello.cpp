// A minimal MPI program for the Slurm harness test: proves that srun (PMIx) and mpirun inside an
// allocation both give every rank the same world, before any vmsweep job is blamed for a setup fault.
#include <mpi.h>

#include <cstdio>

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int rank = 0;
  int size = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int sum = 0;
  MPI_Allreduce(&rank, &sum, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);  // a real message, not just init
  std::printf("hello from rank %d of %d, rank sum %d\n", rank, size, sum);
  MPI_Finalize();
  return 0;
}
