/**
 * TEMPORARY stand-ins for {@code id.formasi.solver.snapshot.SnapshotReader}, {@code SnapshotException},
 * {@code ValidationError} and {@code id.formasi.solver.plan.Plans}, with the same signatures, until they land on
 * main. Remove this package after merging them and change the imports.
 */
package id.formasi.functions.interim;
