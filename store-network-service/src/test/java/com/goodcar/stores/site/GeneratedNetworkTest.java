package com.goodcar.stores.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedNetworkTest {

    private final GeneratedNetwork network = GeneratedNetwork.ofChineseCities();
    private final List<Site> sites = network.sites(3_000, 40_000, 20_241_111L);

    @Test
    void theSameSeedGivesTheSameNetwork() {
        assertEquals(sites, network.sites(3_000, 40_000, 20_241_111L));
        assertEquals(43_000, sites.stream().map(Site::id).distinct().count());
        assertEquals("STO-000001", sites.getFirst().id());
        assertEquals("OUT-040000", sites.getLast().id());
    }

    @Test
    void citiesGetSitesByPopulationAndSitesLieAroundTheirCity() {
        Map<String, Integer> perCity = new HashMap<>();
        sites.forEach(s -> perCity.merge(s.city(), 1, Integer::sum));
        double total = network.cities().stream().mapToDouble(GeneratedNetwork.City::population).sum();
        for (GeneratedNetwork.City city : network.cities()) {
            double expected = 43_000 * city.population() / total;
            int got = perCity.getOrDefault(city.name(), 0);
            assertTrue(Math.abs(got - expected) < 5 * Math.sqrt(expected) + 5, city.name() + ": " + got + " vs " + expected);
        }
        for (Site site : sites) {
            var city = network.cities().stream().filter(c -> c.name().equals(site.city())).findFirst().orElseThrow();
            double km = Math.hypot(site.latitude() - city.latitude(),
                    (site.longitude() - city.longitude()) * Math.cos(Math.toRadians(city.latitude()))) * 111.32;
            assertTrue(km <= 3 * city.spreadKm() + 0.5, site.id() + " is " + km + " km from " + city.name());
        }
    }

    @Test
    void storesDoEverythingButSwapsAndSomeOutletsSwapAroundTheClock() {
        assertTrue(sites.stream().filter(s -> s.kind() == SiteKind.STORE)
                .allMatch(s -> s.service(Capability.VEHICLE_HANDOVER).isPresent() && s.services().size() == 4));
        long swaps = sites.stream().filter(s -> s.service(Capability.BATTERY_SWAP).isPresent()).count();
        assertTrue(swaps > 3_000 && swaps < 5_000, swaps + " swap stations");
        assertTrue(sites.stream().filter(s -> s.service(Capability.BATTERY_SWAP).isPresent())
                .allMatch(s -> s.hours().opensMinute() == 0 && s.hours().closesMinute() == 1440
                        && s.service(Capability.BATTERY_SWAP).get().perSlot() == 9));
        assertTrue(sites.stream().allMatch(s -> !s.services().isEmpty()));
    }
}
