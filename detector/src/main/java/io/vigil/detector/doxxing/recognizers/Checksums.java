package io.vigil.detector.doxxing.recognizers;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Check-digit algorithms of the identity numbers the detector recognises, each from the issuing authority's
 * published rule. All take the bare characters (no separators), upper case, and only answer valid/invalid: a number
 * whose check fails is not an identity number, whatever label stands next to it.
 */
public final class Checksums {

    private Checksums() {
    }

    /** Spain, DNI and NIE (Real Decreto 1553/2005): letter = table[number mod 23]; NIE X/Y/Z stand for 0/1/2. */
    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    /** The Luhn check (ISO/IEC 7812-1 annex B) over a string of ASCII digits, check digit last. */
    public static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return digits.length() > 0 && sum % 10 == 0;
    }

    public static boolean spanishDni(String digits8, char letter) {
        return digits8.length() == 8 && allDigits(digits8)
                && DNI_LETTERS.charAt(Integer.parseInt(digits8) % 23) == Character.toUpperCase(letter);
    }

    public static boolean spanishNie(char prefix, String digits7, char letter) {
        int p = "XYZ".indexOf(Character.toUpperCase(prefix));
        return p >= 0 && digits7.length() == 7 && allDigits(digits7) && spanishDni(p + digits7, letter);
    }

    /** Italy, codice fiscale (DM 12/03/1974): odd positions through a fixed table, even ones by value, mod 26. */
    private static final int[] CF_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

    public static boolean italianCodiceFiscale(String cf) {
        if (cf.length() != 16) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = cf.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A';
            if (v < 0 || v > 25) {
                return false;
            }
            sum += (i % 2 == 0) ? CF_ODD[v] : v;
        }
        return cf.charAt(15) == (char) ('A' + sum % 26);
    }

    /** Portugal, NIF: weights 9..2 over eight digits, check = 11 − (sum mod 11), 0 when that is 10 or 11. */
    public static boolean portugueseNif(String nif) {
        if (nif.length() != 9 || !allDigits(nif) || "123568794".indexOf(nif.charAt(0)) < 0) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (nif.charAt(i) - '0') * (9 - i);
        }
        int check = 11 - sum % 11;
        return (check >= 10 ? 0 : check) == nif.charAt(8) - '0';
    }

    /** France, NIR (INSEE): key = 97 − (13-digit number mod 97); Corsica's 2A and 2B count as 19 and 18. */
    public static boolean frenchNir(String nir15) {
        if (nir15.length() != 15) {
            return false;
        }
        String body = nir15.substring(0, 13);
        String key = nir15.substring(13);
        if (body.substring(5, 7).equals("2A")) {
            body = body.substring(0, 5) + "19" + body.substring(7);
        } else if (body.substring(5, 7).equals("2B")) {
            body = body.substring(0, 5) + "18" + body.substring(7);
        }
        if (!allDigits(body) || !allDigits(key)) {
            return false;
        }
        int month = Integer.parseInt(body.substring(3, 5));
        if (month < 1 || (month > 12 && month < 20) || (month > 42 && month < 50)) {
            return false;
        }
        long n = Long.parseLong(body);
        return 97 - (n % 97) == Long.parseLong(key);
    }

    /** Brazil, CPF (Receita Federal): two mod-11 check digits; numbers of one repeated digit are not issued. */
    public static boolean brazilianCpf(String cpf) {
        if (cpf.length() != 11 || !allDigits(cpf) || cpf.chars().distinct().count() == 1) {
            return false;
        }
        return cpfDigit(cpf, 9) == cpf.charAt(9) - '0' && cpfDigit(cpf, 10) == cpf.charAt(10) - '0';
    }

    private static int cpfDigit(String cpf, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (cpf.charAt(i) - '0') * (length + 1 - i);
        }
        return (sum * 10) % 11 % 10;
    }

    /** China, resident identity number (GB 11643-1999): ISO 7064 MOD 11-2 check, plus a real birth date. */
    private static final int[] CN_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CN_CHECK = "10X98765432";

    public static boolean chineseResidentId(String id) {
        if (id.length() != 18 || !allDigits(id.substring(0, 17)) || id.charAt(0) == '0' || id.charAt(0) == '9') {
            return false;
        }
        if (!isDate(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)))) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * CN_WEIGHTS[i];
        }
        return CN_CHECK.charAt(sum % 11) == id.charAt(17);
    }

    /**
     * Malaysia, MyKad number YYMMDD-PB-###G: no check digit, so the birth date must exist and PB must be an
     * issued place-of-birth code (JPN: 01–16 and 21–59 for states, 60–68, 71–72, 74–79, 82–93, 98–99 otherwise).
     */
    public static boolean malaysianMyKad(String id12) {
        if (id12.length() != 12 || !allDigits(id12)) {
            return false;
        }
        int yy = Integer.parseInt(id12.substring(0, 2));
        int mm = Integer.parseInt(id12.substring(2, 4));
        int dd = Integer.parseInt(id12.substring(4, 6));
        if (!isDate(2000 + yy, mm, dd) && !isDate(1900 + yy, mm, dd)) {
            return false;
        }
        int pb = Integer.parseInt(id12.substring(6, 8));
        return (pb >= 1 && pb <= 16) || (pb >= 21 && pb <= 59) || (pb >= 60 && pb <= 68) || pb == 71 || pb == 72
                || (pb >= 74 && pb <= 79) || (pb >= 82 && pb <= 93) || pb == 98 || pb == 99;
    }

    /** Russia, INN (ФНС order ММ-3-09/178): one (10 digits) or two (12 digits) weighted mod-11 mod-10 checks. */
    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    public static boolean russianInn(String inn) {
        if (!allDigits(inn)) {
            return false;
        }
        if (inn.length() == 10) {
            return weighted(inn, INN10) % 11 % 10 == inn.charAt(9) - '0';
        }
        if (inn.length() == 12) {
            return weighted(inn, INN11) % 11 % 10 == inn.charAt(10) - '0'
                    && weighted(inn, INN12) % 11 % 10 == inn.charAt(11) - '0';
        }
        return false;
    }

    /** Russia, SNILS (ПФР): weights 9..1 over nine digits; below 100 the sum, 100 and 101 give 00, else mod 101. */
    public static boolean russianSnils(String snils) {
        if (snils.length() != 11 || !allDigits(snils)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (snils.charAt(i) - '0') * (9 - i);
        }
        int check = sum < 100 ? sum : (sum % 101 == 100 ? 0 : sum % 101);
        return check == Integer.parseInt(snils.substring(9));
    }

    /** Germany, steuerliche Identifikationsnummer: ISO 7064 MOD 11,10 over ten digits, first digit not 0. */
    public static boolean germanTaxId(String id) {
        if (id.length() != 11 || !allDigits(id) || id.charAt(0) == '0') {
            return false;
        }
        int product = 10;
        for (int i = 0; i < 10; i++) {
            int sum = (id.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        return (check == 10 ? 0 : check) == id.charAt(10) - '0';
    }

    /** Cuba, carné de identidad: 11 digits starting with the birth date YYMMDD; the seventh digit gives the century. */
    public static boolean cubanCi(String ci) {
        if (ci.length() != 11 || !allDigits(ci)) {
            return false;
        }
        int yy = Integer.parseInt(ci.substring(0, 2));
        int mm = Integer.parseInt(ci.substring(2, 4));
        int dd = Integer.parseInt(ci.substring(4, 6));
        int c = ci.charAt(6) - '0';
        int century = c == 9 ? 1800 : c <= 5 ? 1900 : 2000;
        return isDate(century + yy, mm, dd);
    }

    /** ISO 13616 IBAN: move the first four characters to the end, letters to 10..35, remainder mod 97 must be 1. */
    public static boolean iban(String iban) {
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    public static boolean isDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}
