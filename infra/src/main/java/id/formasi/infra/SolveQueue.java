package id.formasi.infra;

/** Where solve jobs go (SQS in AWS, an in-process queue locally). */
public interface SolveQueue {

    void send(SolveJob job);
}
