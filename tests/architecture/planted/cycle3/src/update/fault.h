/* fault: outside the circle */
