package com.goodcar.stores.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic network for a local platform: own stores and partner outlets around real Chinese
 * cities, as many per city as its population weighs, scattered around its centre (more near it).
 * The same seed gives the same network, so a generated site's id always means the same site.
 */
public final class GeneratedNetwork {

    private static final String[] ROADS = {"Zhongshan", "Renmin", "Jiefang", "Jianshe", "Heping", "Xinhua", "Chang'an",
        "Huaihai", "Dongfeng", "Yan'an", "Beijing", "Nanjing", "Wenhua", "Qingnian", "Youyi", "Binhe"};

    /** A city of the weights table: its centre and population (millions). */
    public record City(String name, double latitude, double longitude, double population) {
        /** The radius (km) that most of its sites lie within: larger cities spread wider. */
        double spreadKm() {
            return 4 + 3 * Math.sqrt(population);
        }
    }

    private final List<City> cities;
    private final double[] cumulative;

    public GeneratedNetwork(List<City> cities) {
        this.cities = List.copyOf(cities);
        this.cumulative = new double[cities.size()];
        double people = 0; // millions: a weight, not money
        for (int i = 0; i < cities.size(); i++) {
            people += cities.get(i).population();
            cumulative[i] = people;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= people;
        }
    }

    public static GeneratedNetwork ofChineseCities() {
        try (InputStream in = GeneratedNetwork.class.getResourceAsStream("/cities.csv")) {
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            var cities = new ArrayList<City>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                cities.add(new City(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            }
            return new GeneratedNetwork(cities);
        } catch (IOException e) {
            throw new IllegalStateException("cities.csv: " + e.getMessage(), e);
        }
    }

    public List<City> cities() {
        return cities;
    }

    /** A city drawn with its population's weight. */
    public City city(SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return cities.get(i);
            }
        }
        return cities.getLast();
    }

    /** A point around the city's centre: {latitude, longitude}, normally distributed, at most 3 spreads out. */
    public static double[] around(City city, SplittableRandom random) {
        double km = Math.min(Math.abs(gaussian(random)), 3) * city.spreadKm();
        double bearing = random.nextDouble() * 2 * Math.PI;
        double latitude = city.latitude() + km * Math.cos(bearing) / 111.32;
        double longitude = city.longitude() + km * Math.sin(bearing) / (111.32 * Math.cos(Math.toRadians(city.latitude())));
        return new double[] {round(latitude), round(longitude)};
    }

    public List<Site> sites(int stores, int outlets, long seed) {
        var random = new SplittableRandom(seed);
        var sites = new ArrayList<Site>(stores + outlets);
        for (int i = 1; i <= stores; i++) {
            sites.add(store(i, random));
        }
        for (int i = 1; i <= outlets; i++) {
            sites.add(outlet(i, random));
        }
        return sites;
    }

    private Site store(int number, SplittableRandom random) {
        City city = city(random);
        double[] at = around(city, random);
        var services = List.of(
                new ServiceCapacity(Capability.VEHICLE_HANDOVER, 60, 2),
                new ServiceCapacity(Capability.HOME_CHARGER_INSTALLATION, 120, 2),
                new ServiceCapacity(Capability.MAINTENANCE, 60, 3),
                new ServiceCapacity(Capability.TRADE_IN_APPRAISAL, 30, 2));
        return new Site("STO-%06d".formatted(number), SiteKind.STORE, "Good Car %s Store %d".formatted(city.name(), number),
                city.name(), address(city, random), at[0], at[1], OpeningHours.everyDay(9 * 60, 21 * 60), services, null);
    }

    private Site outlet(int number, SplittableRandom random) {
        City city = city(random);
        double[] at = around(city, random);
        var services = new ArrayList<ServiceCapacity>();
        boolean swap = random.nextDouble() < 0.10;
        if (swap) {
            // a swap bay: 99 s per swap, about nine in a 15-minute slot
            services.add(new ServiceCapacity(Capability.BATTERY_SWAP, 15, 9));
        }
        if (random.nextDouble() < 0.70) {
            services.add(new ServiceCapacity(Capability.MAINTENANCE, 60, 1 + random.nextInt(3)));
        }
        if (random.nextDouble() < 0.45) {
            services.add(new ServiceCapacity(Capability.HOME_CHARGER_INSTALLATION, 120, 1 + random.nextInt(2)));
        }
        if (random.nextDouble() < 0.15) {
            services.add(new ServiceCapacity(Capability.VEHICLE_HANDOVER, 60, 1));
        }
        if (random.nextDouble() < 0.20) {
            services.add(new ServiceCapacity(Capability.TRADE_IN_APPRAISAL, 30, 1));
        }
        if (services.isEmpty()) {
            services.add(new ServiceCapacity(Capability.MAINTENANCE, 60, 1));
        }
        OpeningHours hours = swap ? OpeningHours.everyDay(0, 1440)
                : random.nextDouble() < 0.7
                        ? new OpeningHours(8 * 60 + 30, 18 * 60 + 30, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY))
                        : OpeningHours.everyDay(9 * 60, 20 * 60);
        return new Site("OUT-%06d".formatted(number), SiteKind.OUTLET,
                "%s Partner Outlet %d".formatted(city.name(), number), city.name(), address(city, random), at[0], at[1],
                hours, services, null);
    }

    private static String address(City city, SplittableRandom random) {
        return "No. %d %s Road, %s".formatted(1 + random.nextInt(999), ROADS[random.nextInt(ROADS.length)], city.name());
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian that is stable across JDKs
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
