package id.formasi.solver.generator;

import java.util.List;

/** Indonesian-looking names, as in a migrant city: Javanese, Bugis, Banjar, Batak, Toraja, Manado. */
final class Names {

    static final List<String> FEMALE_FIRST = List.of(
            "Siti", "Dewi", "Sri", "Nur", "Rina", "Fitri", "Yuni", "Rahma", "Wulan", "Ayu", "Indah", "Ratna",
            "Eka", "Dian", "Nurul", "Rini", "Sari", "Putri", "Novi", "Anisa", "Endang", "Herlina", "Hasnah",
            "Murni", "Nurhayati", "Yanti", "Mega", "Ika", "Lina", "Tuti", "Maria", "Agustina", "Maya", "Dwi",
            "Tri", "Ani", "Rosmawati", "Hartini", "Kartika", "Fatimah", "Aisyah", "Khadijah", "Yohana", "Ester",
            "Suwarni", "Sumarni", "Wahyuni", "Lilis", "Nining", "Desi", "Ernawati", "Irma", "Juwita", "Mariani");

    static final List<String> MALE_FIRST = List.of(
            "Agus", "Budi", "Andi", "Ahmad", "Muhammad", "Rudi", "Hendra", "Eko", "Dedi", "Joko", "Bambang",
            "Slamet", "Arif", "Fajar", "Rizki", "Yusuf", "Hasan", "Iwan", "Teguh", "Wahyu", "Adi", "Rahmat",
            "Syamsul", "Irfan", "Taufik", "Hamzah", "Suparman", "Sutrisno", "Yohanes", "Daniel", "Samuel",
            "Ilham", "Aditya", "Bayu", "Rian", "Gilang", "Mulyadi", "Sugianto", "Abdul", "Haris", "Junaidi",
            "Rusdi", "Herman", "Frans", "Stefanus", "Lukman", "Nasrullah", "Amir", "Darto", "Heri", "Imam");

    static final List<String> FEMALE_LAST = List.of(
            "Rahmawati", "Wulandari", "Lestari", "Handayani", "Anggraini", "Yuliana", "Puspita", "Susanti",
            "Kurniasih", "Fitriani", "Permatasari", "Safitri", "Maharani", "Oktaviani", "Purnamasari", "Suryani",
            "Hasanah", "Ningsih", "Utami", "Rahayu", "Mulyani", "Astuti", "Hidayati", "Sulastri", "Nurjanah");

    static final List<String> MALE_LAST = List.of(
            "Saputra", "Pratama", "Hidayat", "Nugroho", "Santoso", "Setiawan", "Kurniawan", "Susanto",
            "Syahputra", "Firmansyah", "Ramadhan", "Hakim", "Rahman", "Maulana", "Gunawan", "Prasetyo",
            "Wibowo", "Hermawan", "Sudirman", "Hamid", "Effendi", "Baharuddin", "Nurdin", "Syahrani", "Ardiansyah");

    /** Family names used by men and women alike. */
    static final List<String> FAMILY = List.of(
            "Siregar", "Nasution", "Lubis", "Harahap", "Simanjuntak", "Sitorus", "Tarigan", "Ginting", "Manurung",
            "Pasaribu", "Sinaga", "Paembonan", "Tandirerung", "Sumampouw", "Wowor", "Pattiasina", "Latuconsina");

    private Names() {
    }

    static String draw(Rng rng, boolean female, String title) {
        String first = rng.pick(female ? FEMALE_FIRST : MALE_FIRST);
        String last = rng.chance(0.2) ? rng.pick(FAMILY) : rng.pick(female ? FEMALE_LAST : MALE_LAST);
        String name = first + " " + last;
        return title == null ? name : title + " " + name;
    }
}
