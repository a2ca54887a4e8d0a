package io.vigil.standalone;

import io.vigil.standalone.identity.DemoUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

/** Signs a demo user in through the moderator page: the page sends the browser to the issuer's login, and back. */
final class BrowserLogin {

    private BrowserLogin() {
    }

    static WebDriverWait signIn(ChromeDriver browser, String page, DemoUsers.User user, Duration timeout) {
        // The page re-draws a case when its state changes; an element found just before that is found again.
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(page);
        wait.until(d -> d.findElement(By.id("sign-in")).isDisplayed());
        browser.findElement(By.id("sign-in")).click();
        wait.until(d -> !d.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user.username());
        browser.findElement(By.id("password")).sendKeys(user.password());
        browser.findElement(By.id("sign-in")).click();
        wait.until(d -> d.findElement(By.id("user")).getText().startsWith(user.username() + " · "));
        return wait;
    }
}
