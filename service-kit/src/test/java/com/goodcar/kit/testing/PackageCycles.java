package com.goodcar.kit.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * A service's feature packages depend on each other one way only: no cycle between them (ArchUnit
 * reads the compiled classes, so a fully qualified reference counts as much as an import).
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /** @param root the service's root package, e.g. {@code com.goodcar.auction}: its sub-packages are the slices */
    public static void assertNone(String root) {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
