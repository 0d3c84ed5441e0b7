package id.formasi.solver.snapshot;

public enum Employment {
    /** Pegawai Negeri Sipil: permanent civil servant. */
    PNS,
    /** Pegawai Pemerintah dengan Perjanjian Kerja: civil servant on contract. */
    PPPK
}
