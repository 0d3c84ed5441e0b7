package id.formasi.functions; public class FormasiApplication { public static void main(String[] a){} }
